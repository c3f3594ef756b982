import 'server-only';
import { logger } from '@/lib/platform/log';
import { savePreferences, unsubscribeFromAll } from './subscriptions';

export interface PreferencesState {
  saved?: string;
  error?: string;
  /** The lists subscribed once saved, which the form shows ticked. */
  chosen?: string[];
}

/**
 * What a preferences form asks: every list ticked (`intent=save`) or none at all
 * (`intent=all`), for the subscriber its page was opened for.
 */
export async function applyPreferencesForm(
  subscriberId: string,
  form: FormData,
  source: 'form' | 'account',
): Promise<PreferencesState> {
  try {
    if (form.get('intent') === 'all') {
      await unsubscribeFromAll(subscriberId);
      return {
        saved: 'You are unsubscribed from every newsletter. We will not send you any.',
        chosen: [],
      };
    }
    const lists = await savePreferences(subscriberId, form.getAll('list').map(String), source);
    return {
      saved: lists.length
        ? `Saved. You receive: ${lists.map((list) => list.name).join(', ')}.`
        : 'Saved. You receive none of our newsletters.',
      chosen: lists.map((list) => list.id),
    };
  } catch (error) {
    logger.error({ err: error }, 'newsletter preferences not saved');
    return {
      error: 'We could not save your choice just now, so nothing has changed. Please try again.',
    };
  }
}
