import { TablePaginationActions } from '@mui/material';
import type { FC } from 'react';
import { Pagination, useListContext, type PaginationActionsProps } from 'react-admin';

/**
 * MUI's own previous/next buttons. TablePagination hands its actions component MUI's full
 * props; react-admin's PaginationActionsProps type names only part of them, hence the cast.
 */
const PreviousNextActions = TablePaginationActions as unknown as FC<PaginationActionsProps>;

/**
 * Previous/next paging with "1–25 of 340". The API pages by cursor, so react-admin's numbered
 * page buttons would invite jumps the API can only make by walking every page in between.
 */
export const CursorPagination = ({ rowsPerPageOptions = [10, 25, 50, 100] }: { rowsPerPageOptions?: number[] }) => {
  const { perPage, error } = useListContext();
  // With nothing loaded, react-admin would still print a range ("1-25 of 25").
  if (error) return null;
  // A page size from the URL (?perPage=5) that is not offered would leave the select blank.
  const options = [...new Set([...rowsPerPageOptions, perPage])].sort((a, b) => a - b);
  return <Pagination rowsPerPageOptions={options} actions={PreviousNextActions} />;
};
