import AlternateEmailIcon from '@mui/icons-material/AlternateEmail';
import ArticleIcon from '@mui/icons-material/Article';
import BoltIcon from '@mui/icons-material/Bolt';
import PeopleIcon from '@mui/icons-material/People';
import { Box, Button, Typography } from '@mui/material';
import { Title } from 'react-admin';
import { Section } from '../common/Section';
import { LatestContent } from './LatestContent';
import { TotalCard } from './TotalCard';

/** The console's home: how much Sway holds, and what was published last. */
export const Dashboard = () => (
  <Box sx={{ mt: 2 }}>
    <Title title="Dashboard" />
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
      <TotalCard resource="people" label="People" icon={PeopleIcon} />
      <TotalCard resource="accounts" label="Accounts" icon={AlternateEmailIcon} />
      <TotalCard resource="content" label="Content" icon={ArticleIcon} />
      <TotalCard resource="interactions" label="Interactions" icon={BoltIcon} />
    </Box>
    <Section title="Latest content">
      <LatestContent />
    </Section>
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
        queries against it, with the schema's documentation beside the editor.
      </Typography>
    </Section>
  </Box>
);
