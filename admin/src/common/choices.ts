import { CONTENT_KINDS, INTERACTION_KINDS, NETWORKS, type ContentKind, type InteractionKind, type Network } from '@sway/shared';

/** Choices for SelectInput, built from the enums the server uses, so the two never drift. */
export interface Choice<T extends string> {
  id: T;
  name: string;
}

/** "BLOG_POST" → "Blog post". */
export function humanise(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words[0].toUpperCase() + words.slice(1);
}

const NETWORK_NAMES: Record<Network, string> = {
  TWITTER: 'Twitter / X',
  FACEBOOK: 'Facebook',
  LINKEDIN: 'LinkedIn',
  INSTAGRAM: 'Instagram',
  YOUTUBE: 'YouTube',
  TIKTOK: 'TikTok',
  BLOG: 'Blog',
};

export function networkName(network: Network): string {
  return NETWORK_NAMES[network] ?? humanise(network);
}

export const NETWORK_CHOICES: Choice<Network>[] = NETWORKS.map((id) => ({ id, name: networkName(id) }));
export const CONTENT_KIND_CHOICES: Choice<ContentKind>[] = CONTENT_KINDS.map((id) => ({ id, name: humanise(id) }));
export const INTERACTION_KIND_CHOICES: Choice<InteractionKind>[] = INTERACTION_KINDS.map((id) => ({ id, name: humanise(id) }));
