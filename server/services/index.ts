import { AccountService } from './account.service';
import { ContentService } from './content.service';
import { IngestService } from './ingest.service';
import { InteractionService } from './interaction.service';
import { PersonService } from './person.service';
import { TopicService } from './topic.service';

/** One instance of each service, made at start-up and shared by every request. */
export interface Services {
  ingest: IngestService;
  people: PersonService;
  accounts: AccountService;
  content: ContentService;
  interactions: InteractionService;
  topics: TopicService;
}

export function createServices(): Services {
  return {
    ingest: new IngestService(),
    people: new PersonService(),
    accounts: new AccountService(),
    content: new ContentService(),
    interactions: new InteractionService(),
    topics: new TopicService(),
  };
}
