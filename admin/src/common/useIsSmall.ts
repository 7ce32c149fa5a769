import { useMediaQuery, type Theme } from '@mui/material';

/** Phones: lists switch from tables to SimpleList below this width. */
export function useIsSmall(): boolean {
  return useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
}
