// The fake backend's fixed values, so a test never depends on the day it runs.

/** When the fake's records were made. */
export const T0 = "2025-01-01T00:00:00Z";
/** "Today" for the fake's validity checks. */
export const FAKE_TODAY = "2025-03-01";
/** The moment the fake redeems at. */
export const FAKE_NOW = "2025-03-01T08:30:00Z";

/** The one-pixel PNG the fake's previews show. */
export const PIXEL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
