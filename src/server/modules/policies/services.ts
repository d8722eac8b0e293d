import type { Platform } from '../../app';
import { ClaimsService } from './claims';
import { PolicyContext } from './context';
import { DiscoveryService } from './discovery';
import { DocumentsService } from './documents';
import { PolicyIndexer } from './indexer';
import { MatchingService } from './matching';
import { ProgramsService } from './programs';
import { PushService } from './push';

/** The services of the policies module, built once per app over one shared context. */
export interface PolicyServices {
  context: PolicyContext;
  documents: DocumentsService;
  programs: ProgramsService;
  matching: MatchingService;
  claims: ClaimsService;
  discovery: DiscoveryService;
  /** 政策找企业: a program against the district, or against the enterprises whose facts changed. */
  pusher: PushService;
}

export function createPolicyServices(platform: Platform): PolicyServices {
  const context = new PolicyContext(platform);
  const indexer = new PolicyIndexer(context);
  const pusher = new PushService(context);
  const matching = new MatchingService(context);
  return {
    context,
    documents: new DocumentsService(context, indexer),
    programs: new ProgramsService(context, indexer, pusher),
    matching,
    claims: new ClaimsService(context, matching),
    discovery: new DiscoveryService(context),
    pusher,
  };
}
