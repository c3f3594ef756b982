// No 'server-only': the seed records demo consents with the same words.

/**
 * What a reader agrees to by choosing a list, recorded with each subscription as they saw it.
 * The cadence is the list's own words, as written ("Every Friday").
 */
export function consentWording(list: { name: string; cadence: string }, siteName: string) {
  const when = cadenceNote(list);
  return `Send me ${list.name}${when} from the ${siteName} by e-mail. I can unsubscribe at any time from any e-mail or my preferences.`;
}

/** " (Every Friday)": the list's cadence as it reads after its name, or nothing. */
export function cadenceNote(list: { cadence: string }): string {
  return list.cadence ? ` (${list.cadence.replace(/\.$/, '')})` : '';
}
