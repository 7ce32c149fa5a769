/** The social networks Sway reads. Blogs are a network like any other: their comments count. */
export enum Network {
  TWITTER = 'TWITTER',
  FACEBOOK = 'FACEBOOK',
  LINKEDIN = 'LINKEDIN',
  INSTAGRAM = 'INSTAGRAM',
  YOUTUBE = 'YOUTUBE',
  TIKTOK = 'TIKTOK',
  BLOG = 'BLOG',
}

export const NETWORKS: readonly Network[] = Object.values(Network);
