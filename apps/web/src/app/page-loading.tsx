/**
 * What shows while the first page's code loads on arrival (docs/decisions/0028-bundle-and-compression.md):
 * nothing for a moment — on a usual connection the page is there first, and a spinner that flashes for a few
 * frames reads as a flicker — then a labelled spinner, which a screen reader announces.
 */
import { makeStyles, Spinner } from "@fluentui/react-components";
import { useEffect, useState } from "react";

/** Below this, loading is not worth saying. */
export const PAGE_LOADING_DELAY_MS = 400;

const useStyles = makeStyles({ root: { display: "grid", placeItems: "center", minHeight: "50vh" } });

export function PageLoading() {
  const styles = useStyles();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), PAGE_LOADING_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return <div className={styles.root}>{shown && <Spinner label="Loading PinDesk…" />}</div>;
}
