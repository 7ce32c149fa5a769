import type { ReactElement, ReactNode } from 'react';
import { Show, useNotify, useRedirect, useResourceContext } from 'react-admin';

/**
 * A show page laid out as outlined sections. When the record cannot be loaded it says why, in
 * the API's words ("That id belongs to a Topic, not a Person", "No Person with that id"), where
 * react-admin would only say "Element does not exist", then returns to the list as react-admin does.
 */
export const ShowPage = ({ children, actions }: { children: ReactNode; actions?: ReactElement | false }) => {
  const notify = useNotify();
  const redirect = useRedirect();
  const resource = useResourceContext();
  return (
    <Show
      component="div"
      actions={actions}
      // Flex items grow to their content: without this a wide table pushes the page past a phone's width.
      sx={{ minWidth: 0, '& .RaShow-main, & .RaShow-card': { minWidth: 0 } }}
      queryOptions={{
        onError: (error: Error) => {
          notify(error.message || 'ra.notification.item_doesnt_exist', { type: 'error' });
          redirect('list', resource);
        },
      }}
    >
      {children}
    </Show>
  );
};
