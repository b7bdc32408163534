import {
  Alert,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import type { CsatFilter, CsatSummary } from '../../api/flow-types.ts';
import { flowKeys, flowsApi } from '../../api/flows-api.ts';
import { settingsApi, settingsKeys } from '../../api/settings-api.ts';
import { Icon } from '../../ui/icons.tsx';
import classes from './automation.module.css';

/** Select values are strings: this one stands for "every team". */
const ALL_TEAMS = 'all';
const PERIOD_DAYS = 30;
const RATINGS = [5, 4, 3, 2, 1] as const;

/** What patients answered to the satisfaction survey over the last 30 days, for one team or all. */
export function SatisfactionPanel() {
  const { t, i18n } = useTranslation();
  const [teamId, setTeamId] = useState(ALL_TEAMS);
  // Fixed when the page opens, so that the figures do not reload every render.
  const [from] = useState(() => new Date(Date.now() - PERIOD_DAYS * 86_400_000).toISOString());
  const teams = useQuery({ queryKey: settingsKeys.teams, queryFn: settingsApi.teams });
  const filter: CsatFilter = { from, ...(teamId === ALL_TEAMS ? {} : { team_id: teamId }) };
  const csat = useQuery({
    queryKey: flowKeys.csat(filter),
    queryFn: () => flowsApi.csat(filter),
    // Ratings arrive while the page is open: the figures follow.
    staleTime: 0,
    refetchInterval: 30_000,
  });
  const locale = i18n.resolvedLanguage ?? 'en';

  return (
    <section aria-labelledby="satisfaction-title">
      <Group justify="space-between" align="flex-end" mt={44} mb="md" gap="md">
        <div>
          <Title order={2} size="h3" id="satisfaction-title">
            {t('settings.automation.satisfaction.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4} maw={640}>
            {t('settings.automation.satisfaction.description')}
          </Text>
        </div>
        <Select
          label={t('settings.automation.satisfaction.team')}
          data={[
            { value: ALL_TEAMS, label: t('settings.automation.satisfaction.allTeams') },
            ...(teams.data?.data ?? []).map((team) => ({ value: team.id, label: team.name })),
          ]}
          value={teamId}
          onChange={(value) => setTeamId(value ?? ALL_TEAMS)}
          allowDeselect={false}
          w={240}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      <Paper withBorder radius="lg" p="lg" data-testid="csat">
        {csat.isError && (
          <Alert color="red" variant="light" icon={<Icon name="alert" />}>
            {t('settings.automation.satisfaction.loadFailed', { reason: describeError(csat.error, t) })}
          </Alert>
        )}
        {csat.isPending && <Skeleton height={120} />}
        {csat.isSuccess && <Figures summary={csat.data} locale={locale} />}
      </Paper>
    </section>
  );
}

function Figures({ summary, locale }: { summary: CsatSummary; locale: string }) {
  const { t } = useTranslation();
  const mean =
    summary.average === null
      ? '—'
      : new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(
          summary.average,
        );
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xl">
      <div>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          {t('settings.automation.satisfaction.answers')}
        </Text>
        <div className={classes.figure} data-testid="csat-count">
          {summary.count}
        </div>
        {summary.count === 0 && (
          <Text size="sm" c="dimmed" mt={6}>
            {t('settings.automation.satisfaction.none')}
          </Text>
        )}
      </div>
      <div>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          {t('settings.automation.satisfaction.mean')}
        </Text>
        <Group gap={6} align="baseline">
          <span className={classes.figure} data-testid="csat-mean">
            {mean}
          </span>
          <Text size="sm" c="dimmed">
            {t('settings.automation.satisfaction.outOf')}
          </Text>
        </Group>
        {summary.average !== null && <Stars value={summary.average} />}
      </div>
      <div>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={8} id="csat-distribution">
          {t('settings.automation.satisfaction.distribution')}
        </Text>
        <ul className={classes.bars} aria-labelledby="csat-distribution">
          {RATINGS.map((rating) => {
            const count = summary.distribution[String(rating)] ?? 0;
            const share = summary.count === 0 ? 0 : (count / summary.count) * 100;
            return (
              <li key={rating} className={classes.bar} data-rating={rating}>
                <VisuallyHidden>
                  {t('settings.automation.satisfaction.row', { rating, count })}
                </VisuallyHidden>
                <span className={classes.barLabel} aria-hidden="true">
                  {rating} <Icon name="starFilled" size={13} />
                </span>
                <span className={classes.barTrack} aria-hidden="true">
                  <span className={classes.barFill} style={{ width: `${share}%`, display: 'block' }} />
                </span>
                <span className={classes.barCount} aria-hidden="true">
                  {count}
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    </SimpleGrid>
  );
}

/** Five stars, filled up to the mean rating (a 4.5 fills half of the fifth). */
function Stars({ value }: { value: number }) {
  const share = Math.max(0, Math.min(1, value / 5)) * 100;
  const row = (
    <>
      {RATINGS.map((rating) => (
        <Icon key={rating} name="starFilled" size={20} />
      ))}
    </>
  );
  return (
    <span
      aria-hidden="true"
      style={{
        position: 'relative',
        display: 'inline-flex',
        marginTop: 6,
        color: 'var(--mantine-color-gray-3)',
      }}
    >
      {row}
      <span
        style={{
          position: 'absolute',
          inset: 0,
          width: `${share}%`,
          overflow: 'hidden',
          display: 'inline-flex',
          color: '#f59f00',
        }}
      >
        {row}
      </span>
    </span>
  );
}
