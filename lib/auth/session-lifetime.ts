// Apart from sessions.ts, which talks to the database, so that proxy.ts can read it too.
/** How long a session lasts without being used; each day of use extends it. */
export const sessionMaxAgeSeconds = 30 * 24 * 60 * 60;
