import type { ReactNode } from 'react';
import { DataTable, DateField, SimpleList } from 'react-admin';
import type { AccountRecord } from '../api/records';
import { networkName } from '../common/choices';
import { NetworkField, ShowLink } from '../common/fields';
import { useIsSmall } from '../common/useIsSmall';

const Column = DataTable.Col<AccountRecord>;

/** Rows of accounts for the list in context; the person column is left out on a person's page. */
export const AccountTable = ({ showPerson = true, empty }: { showPerson?: boolean; empty?: ReactNode }) => {
  const isSmall = useIsSmall();
  if (isSmall) {
    return (
      <SimpleList<AccountRecord>
        primaryText={(account) => account.handle}
        secondaryText={(account) => `${networkName(account.network)}${showPerson ? ` · ${account.person.displayName}` : ''}`}
        tertiaryText={(account) => `${account.followersCount.toLocaleString()} followers`}
        rowClick="show"
        empty={empty}
      />
    );
  }
  return (
    <DataTable rowClick="show" bulkActionButtons={false} empty={empty}>
      <Column source="handle" />
      <Column source="network" field={NetworkField} disableSort />
      {showPerson && (
        <Column
          source="person.displayName"
          label="Person"
          disableSort
          render={(account) => (
            <ShowLink resource="people" id={account.person.id}>
              {account.person.displayName}
            </ShowLink>
          )}
        />
      )}
      <DataTable.NumberCol<AccountRecord> source="followersCount" label="Followers" />
      <DataTable.NumberCol<AccountRecord> source="followingCount" label="Following" disableSort />
      <Column source="createdAt" label="First seen" field={DateField} disableSort />
    </DataTable>
  );
};
