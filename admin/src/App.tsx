import { Admin, Resource } from 'react-admin';
import { BrowserRouter } from 'react-router';
import accounts from './accounts';
import campaigns from './campaigns';
import { createApolloClient } from './api/client';
import { LoginPage } from './auth/LoginPage';
import { createAuthProvider } from './authProvider';
import content from './content';
import { Dashboard } from './dashboard/Dashboard';
import { createDataProvider } from './dataProvider';
import interactions from './interactions';
import { Layout } from './layout/Layout';
import { swayTheme } from './layout/theme';
import people from './people';
import topics from './topics';

const client = createApolloClient('/graphql');
const dataProvider = createDataProvider(client);
const authProvider = createAuthProvider(client);

/**
 * The Sway console. Served at /admin/ with a fallback to index.html for every path under it,
 * so it uses real paths (/admin/people/…) rather than react-admin's default #hash routes.
 * Every page needs a login; what each role sees is in auth/permissions.ts.
 */
export const App = () => (
  <BrowserRouter basename="/admin">
    <Admin
      dataProvider={dataProvider}
      authProvider={authProvider}
      loginPage={LoginPage}
      requireAuth
      dashboard={Dashboard}
      layout={Layout}
      theme={swayTheme}
      title="Sway"
      // react-admin otherwise loads an image from marmelab.com in production builds; the console
      // must work offline and load nothing from outside.
      disableTelemetry
    >
      <Resource name="people" options={{ label: 'Influencers' }} {...people} />
      <Resource name="accounts" {...accounts} />
      {/* Without a label react-admin would inflect "content" into "Contents". */}
      <Resource name="content" options={{ label: 'Content' }} {...content} />
      <Resource name="interactions" {...interactions} />
      <Resource name="topics" {...topics} />
      <Resource name="campaigns" {...campaigns} />
    </Admin>
  </BrowserRouter>
);
