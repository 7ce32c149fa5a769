import { Alert, Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  Create,
  DateTimeInput,
  Edit,
  NumberInput,
  SelectInput,
  ShowButton,
  SimpleForm,
  TextInput,
  TopToolbar,
  required,
  useDataProvider,
  useRecordContext,
} from 'react-admin';
import type { CampaignRecord } from '../api/records';
import type { SwayDataProvider } from '../dataProvider';
import { AudiencePreview } from './AudiencePreview';
import { CampaignStatusButtons } from './CampaignStatusButtons';
import { EMPTY_TARGET, TargetingBuilder } from './TargetingBuilder';

/**
 * Create and edit a campaign: its terms on the left, the targeting builder with the live audience
 * on the right (stacked on a phone). Saves are pessimistic so that a BAD_USER_INPUT from the API
 * lands under the field it names (`input.target.maxScore` → the score slider).
 */

const BrandInput = () => {
  const dataProvider = useDataProvider<SwayDataProvider>();
  const { data: brands = [], isPending } = useQuery({ queryKey: ['brands'], queryFn: () => dataProvider.getBrands() });
  if (isPending) return null;
  return (
    <SelectInput
      source="brandId"
      label="Brand"
      choices={brands}
      validate={required()}
      defaultValue={brands.length === 1 ? brands[0].id : undefined}
      helperText={brands.length ? false : 'You manage no brand yet: an ADMIN adds you to one.'}
    />
  );
};

const Terms = ({ creating }: { creating: boolean }) => {
  const record = useRecordContext<CampaignRecord>();
  // The code is fixed once the campaign has been ACTIVE; the API says so if tried.
  const codeFixed = !creating && record?.status !== 'DRAFT';
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
      {creating && <BrandInput />}
      <TextInput source="name" validate={required()} />
      <TextInput source="code" label="Code (hashtag)" validate={required()} disabled={codeFixed} helperText="3 to 50 letters, digits or underscores" />
      <TextInput source="description" multiline minRows={2} validate={required()} />
      <TextInput source="perk" label="What the influencer receives" validate={required()} />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <NumberInput source="inventory" label="Units" min={1} validate={required()} sx={{ flex: '1 1 120px' }} />
        <NumberInput source="unitValue" label="Unit value" min={0} validate={required()} sx={{ flex: '1 1 120px' }} />
        <TextInput source="currency" validate={required()} sx={{ flex: '1 1 80px' }} />
      </Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <DateTimeInput source="startsAt" label="Claims open" validate={required()} sx={{ flex: '1 1 200px' }} />
        <DateTimeInput source="endsAt" label="Claims close" validate={required()} sx={{ flex: '1 1 200px' }} />
      </Box>
    </Box>
  );
};

const HOUR = 3_600_000;

/** A new campaign opens in an hour for four weeks: the form starts valid but for its words. */
const newCampaign = () => ({
  currency: 'USD',
  inventory: 100,
  unitValue: 25,
  startsAt: new Date(Date.now() + HOUR).toISOString(),
  endsAt: new Date(Date.now() + 28 * 24 * HOUR).toISOString(),
  target: EMPTY_TARGET,
});

/** The API changes DRAFT and PAUSED campaigns only. */
const NotEditableNow = () => {
  const record = useRecordContext<CampaignRecord>();
  if (!record || record.status === 'DRAFT' || record.status === 'PAUSED') return null;
  return (
    <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
      {record.status === 'ACTIVE' ? 'An active campaign cannot be changed: pause it first (Pause, above), then save and resume it.' : 'An ended campaign cannot be changed.'}
    </Alert>
  );
};

const CampaignForm = ({ creating }: { creating: boolean }) => (
  <SimpleForm sx={{ maxWidth: 1200 }} defaultValues={creating ? newCampaign : undefined}>
    {!creating && <NotEditableNow />}
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) minmax(0, 1fr)' }, gap: 3, width: '100%' }}>
      <Terms creating={creating} />
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          Targeting
        </Typography>
        <TargetingBuilder />
        <AudiencePreview />
      </Box>
    </Box>
  </SimpleForm>
);

export const CampaignCreate = () => (
  <Create title="New campaign" redirect="show" sx={{ '& .RaCreate-main, & .RaCreate-card': { minWidth: 0 } }}>
    <CampaignForm creating />
  </Create>
);

const EditActions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap' }}>
    <CampaignStatusButtons />
    <ShowButton />
  </TopToolbar>
);

const EditTitle = () => {
  const record = useRecordContext<CampaignRecord>();
  return <span>{record ? `Edit ${record.name}` : 'Edit campaign'}</span>;
};

export const CampaignEdit = () => (
  <Edit title={<EditTitle />} mutationMode="pessimistic" redirect="show" actions={<EditActions />} sx={{ '& .RaEdit-main, & .RaEdit-card': { minWidth: 0 } }}>
    <CampaignForm creating={false} />
  </Edit>
);
