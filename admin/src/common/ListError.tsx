import { Alert, Button } from '@mui/material';
import { useListContext } from 'react-admin';

/** In place of the rows when a list fails to load: the API's message and a way to retry. */
export const ListError = () => {
  const { error, refetch } = useListContext();
  return (
    <Alert
      severity="error"
      sx={{ m: 2 }}
      action={
        <Button color="inherit" size="small" onClick={() => void refetch()}>
          Retry
        </Button>
      }
    >
      {error instanceof Error ? error.message : 'The list could not be loaded.'}
    </Alert>
  );
};

/**
 * For <List queryOptions>: the error shows in place of the rows (ListError), so react-admin's
 * toast would only say the same thing twice.
 */
export const errorsShownInline = { onError: () => undefined };
