import { CreateButton, DataTable, DateField, List, SelectInput, SimpleList, TopToolbar, useRecordContext } from 'react-admin';
import type { CampaignRecord } from '../api/records';
import { CursorPagination } from '../common/CursorPagination';
import { errorsShownInline, ListError } from '../common/ListError';
import { useIsSmall } from '../common/useIsSmall';
import { CAMPAIGN_STATUS_CHOICES, StatusChip } from './CampaignStatusChip';

const filters = [<SelectInput key="status" source="status" choices={CAMPAIGN_STATUS_CHOICES} alwaysOn />];

const Column = DataTable.Col<CampaignRecord>;

const Status = () => {
  const campaign = useRecordContext<CampaignRecord>();
  return campaign ? <StatusChip status={campaign.status} /> : null;
};

const Inventory = () => {
  const campaign = useRecordContext<CampaignRecord>();
  return campaign ? (
    <span>
      {campaign.remaining} / {campaign.inventory}
    </span>
  ) : null;
};

/** CreateButton hides itself from roles that may not create (canAccess). */
const ListActions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** Campaigns, newest first (the API's only order): name, brand, status, dates and units left. */
export const CampaignList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      title="Campaigns"
      filters={filters}
      actions={<ListActions />}
      perPage={25}
      pagination={<CursorPagination />}
      error={<ListError />}
      queryOptions={errorsShownInline}
    >
      {isSmall ? (
        <SimpleList<CampaignRecord>
          primaryText={(c) => c.name}
          secondaryText={(c) => `${c.brand.name} · ${day(c.startsAt)} – ${day(c.endsAt)}`}
          tertiaryText={(c) => `${c.status} · ${c.remaining}/${c.inventory}`}
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <Column source="name" disableSort />
          <Column source="brand.name" label="Brand" disableSort />
          <Column source="status" disableSort>
            <Status />
          </Column>
          <Column source="startsAt" label="Starts" field={DateField} disableSort />
          <Column source="endsAt" label="Ends" field={DateField} disableSort />
          <Column source="remaining" label="Remaining / inventory" disableSort>
            <Inventory />
          </Column>
        </DataTable>
      )}
    </List>
  );
};
