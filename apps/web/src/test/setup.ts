/** Each test starts with an empty page: Testing Library unmounts what the last one rendered. */
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(cleanup);
