import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';
import * as m001 from './001-foundation';
import * as m002 from './002-enterprises';
import * as m003 from './003-search';
import * as m004 from './004-policies';
import * as m005 from './005-notifications';
import * as m006 from './006-appeals';
import * as m007 from './007-buildings';
import * as m008 from './008-building-changes';
import * as m009 from './009-appeal-file-once';
import * as m010 from './010-totp';
import * as m011 from './011-notification-outbox';
import * as m012 from './012-job-state';
import * as m013 from './013-content';
import * as m014 from './014-search-terms';
import * as m015 from './015-enterprise-fact-changes';
import * as m016 from './016-visits';
import * as m017 from './017-drop-search-queries';

/** A migration runs on both databases; the dialect supplies the column types that differ. */
export interface QifuMigration {
  // biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema of its own time
  up(db: Kysely<any>, d: Dialect): Promise<void>;
}

/** Every migration in order. Names are permanent: never rename or edit one that has shipped. */
export const MIGRATIONS: Record<string, QifuMigration> = {
  '001-foundation': m001,
  '002-enterprises': m002,
  '003-search': m003,
  '004-policies': m004,
  '005-notifications': m005,
  '006-appeals': m006,
  '007-buildings': m007,
  '008-building-changes': m008,
  '009-appeal-file-once': m009,
  '010-totp': m010,
  '011-notification-outbox': m011,
  '012-job-state': m012,
  '013-content': m013,
  '014-search-terms': m014,
  '015-enterprise-fact-changes': m015,
  '016-visits': m016,
  '017-drop-search-queries': m017,
};
