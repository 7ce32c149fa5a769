export * from './networks';
export * from './interactions';
export * from './limits';
export * from './roles';
export * from './authenticity';
