import type { PickerOption } from '@/components/admin/ordered-picker.client';
import { articleKindLabels } from '@/lib/content/labels';
import type { PieceChoice } from '@/lib/newsletters/issue-admin';
import { formatLongDate } from '@/lib/time/london';

const access = { public: '', members: ' · members only', tiers: ' · some tiers only' };

/** The pieces as the issue form offers them: kind, date and who may read them beside each. */
export function pieceOptions(pieces: PieceChoice[]): PickerOption[] {
  return pieces.map((piece) => ({
    id: piece.id,
    name: piece.title,
    note: piece.live
      ? `${articleKindLabels[piece.kind]}${piece.publishedAt ? `, ${formatLongDate(piece.publishedAt)}` : ''}${access[piece.visibility]}`
      : 'Not published: remove it, or publish it first',
  }));
}
