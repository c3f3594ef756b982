import type { Transaction } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { Actor } from '@/lib/auth/who';

export type EditorialSubject =
  'article' | 'expert' | 'series' | 'topic' | 'press_contact' | 'coverage';

type ArticleAction = 'created' | 'updated' | 'restored' | 'published' | 'scheduled' | 'unpublished';
type TermAction = 'created' | 'updated' | 'deleted';

type PageAction = Exclude<ArticleAction, 'scheduled'>;
// The funding data is admins' alone; it is written in the same way.
type FundingAction = `${'funder' | 'funding_year'}.${TermAction}`;

type EditorialAction =
  | `article.${ArticleAction}`
  | `page.${PageAction}`
  | FundingAction
  | `${Exclude<EditorialSubject, 'article'>}.${TermAction}`
  | 'home.updated'
  | `newsletter_list.${Exclude<TermAction, 'deleted'>}`
  | `newsletter_issue.${TermAction | 'scheduled' | 'unscheduled' | 'sent' | 'tested'}`;

export async function recordAudit(
  tx: Transaction,
  actor: Actor,
  action: EditorialAction,
  subjectId: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.id,
    action,
    subjectType: action.slice(0, action.indexOf('.')),
    subjectId,
    detail,
  });
}
