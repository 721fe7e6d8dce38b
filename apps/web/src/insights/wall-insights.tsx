import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { DailyFigures } from './daily-figures';
import { dayReportQuery, localDate, trafficInsightsQuery } from './insight-queries';
import { MetricRow } from './metric-row';

/**
 * The wall's traffic insights under the KPI tiles: vehicles in transit, congestion points and suspected
 * incidents, then today's peak delay index and hours congested with their comparisons.
 */
export function WallInsights({ timeZone }: { timeZone: string }): ReactNode {
  const { data: insights } = useQuery(trafficInsightsQuery());
  const today = insights ? localDate(insights.computedAt, timeZone) : null;
  const { data: report } = useQuery(dayReportQuery(today));
  return (
    <>
      <MetricRow network={insights?.network} />
      <DailyFigures report={report} />
    </>
  );
}
