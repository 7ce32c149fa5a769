import AlternateEmailIcon from '@mui/icons-material/AlternateEmail';
import ArticleIcon from '@mui/icons-material/Article';
import BoltIcon from '@mui/icons-material/Bolt';
import PeopleIcon from '@mui/icons-material/People';
import { Box, Button, Typography } from '@mui/material';
import type { ComponentType } from 'react';
import { Title, useCanAccess } from 'react-admin';
import { ActiveCampaigns } from '../campaigns/ActiveCampaigns';
import { Section } from '../common/Section';
import { NewlyFlagged } from './NewlyFlagged';
import { LatestContent } from './LatestContent';
import { ScorePanels } from './ScoreDashboard';
import { TotalCard } from './TotalCard';

/**
 * Panels further down the dashboard, each shown to the roles that may read its resource. "Newly
 * flagged people" (authenticity review) and "Active campaigns" (campaigns) plug in here as they
 * arrive: one line each.
 */
const PANELS: { resource: string; title: string; Panel: ComponentType }[] = [
  { resource: 'authenticityFlags', title: 'Newly flagged people', Panel: () => <NewlyFlagged /> },
  { resource: 'campaigns', title: 'Active campaigns', Panel: () => <ActiveCampaigns /> },
  { resource: 'content', title: 'Latest content', Panel: () => <LatestContent /> },
];

const GuardedPanel = ({ resource, title, Panel }: { resource: string; title: string; Panel: ComponentType }) => {
  const { canAccess } = useCanAccess({ resource, action: 'list' });
  if (!canAccess) return null;
  return (
    <Section title={title}>
      <Panel />
    </Section>
  );
};

const GuardedTotal = (props: { resource: string; label: string; icon: ComponentType<{ sx?: object }> }) => {
  const { canAccess } = useCanAccess({ resource: props.resource, action: 'list' });
  return canAccess ? <TotalCard {...props} /> : null;
};

/** The console's home: how much Sway holds, how scores spread and moved, and what was published last. */
export const Dashboard = () => {
  const { canAccess: canExplore } = useCanAccess({ resource: 'explorer', action: 'list' });
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Dashboard" />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        <GuardedTotal resource="people" label="People" icon={PeopleIcon} />
        <GuardedTotal resource="accounts" label="Accounts" icon={AlternateEmailIcon} />
        <GuardedTotal resource="content" label="Content" icon={ArticleIcon} />
        <GuardedTotal resource="interactions" label="Interactions" icon={BoltIcon} />
      </Box>
      <ScorePanels />
      {PANELS.map((panel) => (
        <GuardedPanel key={panel.title} {...panel} />
      ))}
      {canExplore && (
        <Section
          title="Query the API"
          action={
            <Button variant="outlined" size="small" href="/explorer/">
              Open the explorer
            </Button>
          }
        >
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            Everything this console shows comes from the GraphQL API at <code>/graphql</code>. The query explorer runs your own
            queries against it, as you, with the schema's documentation beside the editor.
          </Typography>
        </Section>
      )}
    </Box>
  );
};
