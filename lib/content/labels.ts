import type { ArticleKind } from '@/db/schema';

export type { ArticleKind };

export const articleKindLabels: Record<ArticleKind, string> = {
  analysis: 'Analysis',
  commentary: 'Commentary',
  report: 'Report',
  briefing: 'Briefing',
  interview: 'Interview',
  paper: 'Paper',
  'press-release': 'Press release',
};
