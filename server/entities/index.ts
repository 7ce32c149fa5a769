export { Person } from './person.entity';
export { NetworkAccount } from './network-account.entity';
export { Content, ContentTopic } from './content.entity';
export { Interaction } from './interaction.entity';
export { Topic, TopicEdge } from './topic.entity';
export { KGrantRow, PersonScoreRow, ScoreSnapshot, TopicExpertiseRow } from './score.entity';
export { User } from './user.entity';
export { Brand, BrandMember } from './brand.entity';
export { Campaign, Claim, Conversion } from './campaign.entity';
export { ErasureAudit, PersonOptOut } from './privacy.entity';
export { AuthenticityFlagRow, AuthenticityReviewRow } from './authenticity.entity';

import { Person } from './person.entity';
import { NetworkAccount } from './network-account.entity';
import { Content, ContentTopic } from './content.entity';
import { Interaction } from './interaction.entity';
import { Topic, TopicEdge } from './topic.entity';
import { KGrantRow, PersonScoreRow, ScoreSnapshot, TopicExpertiseRow } from './score.entity';
import { User } from './user.entity';
import { Brand, BrandMember } from './brand.entity';
import { Campaign, Claim, Conversion } from './campaign.entity';
import { AuthenticityFlagRow, AuthenticityReviewRow } from './authenticity.entity';
import { ErasureAudit, PersonOptOut } from './privacy.entity';

export const ENTITIES = [Person, NetworkAccount, Content, ContentTopic, Interaction, Topic, TopicEdge, PersonScoreRow, ScoreSnapshot, TopicExpertiseRow, KGrantRow, User, Brand, BrandMember, Campaign, Claim, Conversion, AuthenticityFlagRow, AuthenticityReviewRow, PersonOptOut, ErasureAudit];
