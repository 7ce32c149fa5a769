import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';

// The content is a flex item: without minWidth 0 a wide table (a campaign's claims, a report) grows
// the whole page past a phone's width instead of scrolling inside its own box.
export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppBar} sx={{ minWidth: 0, '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 } }}>
    {children}
  </RaLayout>
);
