/** Rows shared by every page that shows a record: who decided it, under which decision number, and when. */
import { useI18n } from '../i18n/context.js';

/** Who decided a record, under which decision number and when: rows of a `dl`, wherever a record is shown. */
export function DecisionFacts({ record }: { record: { authority: string; decisionNo: string; decidedOn: string } }) {
  const { t, formatDay } = useI18n();
  return (
    <>
      <dt>{t('entity.authority')}</dt>
      <dd>{record.authority}</dd>
      <dt>{t('entity.decisionNo')}</dt>
      <dd>{record.decisionNo}</dd>
      <dt>{t('entity.decidedOn')}</dt>
      <dd>{formatDay(record.decidedOn)}</dd>
    </>
  );
}
