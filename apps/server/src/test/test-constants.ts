/** Fixed inputs every server test shares: the moment the clock starts at, and the test PIN pepper. */
export const TEST_START = new Date("2026-11-23T09:00:00.000Z");
export const TEST_PEPPER = Buffer.from("test pepper, never used outside tests");
