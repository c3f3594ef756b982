import { getSiteConfig } from '@/lib/config/site';
import type { EmailMessage } from '@/lib/email/message';
import { renderEmail } from '@/lib/email/render';
import { getEnv } from '@/lib/platform/env';
import { preferencesUrl } from './links';
import type { PublicList } from './lists';

const listLine = (list: Pick<PublicList, 'name' | 'cadence'>) =>
  list.cadence ? `${list.name}: ${list.cadence}` : list.name;

const unasked =
  'If you did not ask for this, ignore this e-mail: without the button, nothing is sent to you.';

/** The double opt-in e-mail: its button (a POST on the page it opens) subscribes. */
export function confirmationEmail(
  to: string,
  token: string,
  lists: Pick<PublicList, 'name' | 'cadence'>[],
): EmailMessage {
  const site = getSiteConfig();
  const url = `${getEnv().siteUrl}/newsletters/confirm?token=${encodeURIComponent(token)}`;
  return {
    to,
    subject: `Confirm your subscription to ${lists.length === 1 ? lists[0]!.name : `${site.name} newsletters`}`,
    ...renderEmail({
      heading: 'Confirm your subscription',
      paragraphs: [
        `Someone, we hope you, asked to receive ${lists.length === 1 ? 'this newsletter' : 'these newsletters'} from the ${site.name} at this address:`,
        ...lists.map(listLine),
        'Press the button to confirm. The link works for seven days.',
      ],
      action: { label: 'Confirm my subscription', url },
      footer: unasked,
    }),
  };
}

/** Sent instead of a confirmation when the address already has every list it asked for. */
export function alreadySubscribedEmail(
  to: string,
  subscriberId: string,
  lists: Pick<PublicList, 'name' | 'cadence'>[],
): EmailMessage {
  const site = getSiteConfig();
  return {
    to,
    subject: `You already receive ${lists.length === 1 ? lists[0]!.name : `these ${site.name} newsletters`}`,
    ...renderEmail({
      heading: 'You are already subscribed',
      paragraphs: [
        `Someone, we hope you, asked to receive ${lists.length === 1 ? 'this newsletter' : 'these newsletters'} at this address, which already receives ${lists.length === 1 ? 'it' : 'them'}:`,
        ...lists.map(listLine),
        'Nothing has changed. To choose other newsletters or to stop any of them, open your preferences.',
      ],
      action: { label: 'Open my preferences', url: preferencesUrl(subscriberId) },
      footer: unasked,
    }),
  };
}

/** The link to a subscriber's preferences, which they asked for by address. */
export function preferencesLinkEmail(to: string, subscriberId: string): EmailMessage {
  const site = getSiteConfig();
  return {
    to,
    subject: `Your ${site.name} newsletter preferences`,
    ...renderEmail({
      heading: 'Your newsletter preferences',
      paragraphs: [
        `Someone, we hope you, asked for the link to choose which ${site.name} newsletters this address receives.`,
        'The button opens your preferences, where you can choose newsletters or stop them. Keep this e-mail: the link does not expire.',
      ],
      action: { label: 'Open my preferences', url: preferencesUrl(subscriberId) },
      footer: 'If you did not ask for this, ignore this e-mail: nothing has changed.',
    }),
  };
}
