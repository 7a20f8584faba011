/**
 * bundle.social organisations and their teams, shaped like `GET /api/v1/team/` items
 * (bundle-social-openapi-subset.json, `team.getList`).
 */

export interface SimTeam {
  id: string;
  name: string;
  avatarUrl: string | null;
  organizationId: string;
  createdById: string;
  createdAt: string | null;
  updatedAt: string | null;
  deletedAt: string | null;
  organization: Record<string, unknown>;
  createdBy: Record<string, unknown>;
  bots: Array<Record<string, unknown>>;
  socialAccounts: Array<Record<string, unknown>>;
  bio: Record<string, unknown> | null;
}

/** A compact description of a team; `team()` expands it into the full API shape. */
export interface TeamSpec {
  id: string;
  name: string;
  avatarUrl?: string | null;
  /** The TikTok username of the team's connected account (none when omitted or null). */
  tiktok?: string | null;
}

/** A bundle.social organisation: its key sees exactly these teams. */
export interface OrgSpec {
  id: string;
  name: string;
  ownerId: string;
  ownerEmail: string;
  teams: TeamSpec[];
}

export const DEMO_TEAM_ID = 'c3f1a8d2-6b4e-4f0a-9d2c-7e5b1a3c9f04';
export const SECOND_TEAM_ID = '8e2d4b6f-1a3c-4e5d-b7f9-0c2e4a6d8b13';
export const SINGLE_TEAM_ID = '5a7c9e1b-3d5f-4b7a-8c9e-1f3a5c7e9b22';

/** The demo organisation: two teams, so the options page has to offer a choice. */
export const DEMO_ORG: OrgSpec = {
  id: 'org_2f8a6c4e1b3d5f7a9c0e',
  name: 'Northwind Creative',
  ownerId: 'usr_7d9f1b3a5c7e9a1c3e5b',
  ownerEmail: 'demo@northwind.example',
  teams: [
    { id: DEMO_TEAM_ID, name: 'Northwind Social', avatarUrl: null, tiktok: 'northwind.social' },
    {
      id: SECOND_TEAM_ID,
      name: 'Northwind Ads — Été 2026',
      avatarUrl: 'https://bundle-social-uploads.s3.amazonaws.com/avatars/northwind-ads.png',
      tiktok: 'northwind.ads',
    },
  ],
};

/** An organisation with exactly one team: the options page should pick it without asking. */
export const SINGLE_TEAM_ORG: OrgSpec = {
  id: 'org_9b1d3f5a7c9e1b3d5f7a',
  name: 'Solo Studio',
  ownerId: 'usr_3b5d7f9a1c3e5a7c9e1b',
  ownerEmail: 'solo@studio.example',
  teams: [{ id: SINGLE_TEAM_ID, name: 'Solo Studio', avatarUrl: null, tiktok: 'solo.studio' }],
};

const CREATED = '2025-09-14T10:21:37.512Z';
const UPDATED = '2026-01-30T08:02:11.004Z';

/** Expands a team spec into the API's full team item. */
export function team(org: OrgSpec, spec: TeamSpec): SimTeam {
  return {
    id: spec.id,
    name: spec.name,
    avatarUrl: spec.avatarUrl ?? null,
    organizationId: org.id,
    createdById: org.ownerId,
    createdAt: CREATED,
    updatedAt: UPDATED,
    deletedAt: null,
    organization: {
      id: org.id,
      createdById: org.ownerId,
      promotionCodeId: null,
      name: org.name,
      avatarUrl: null,
      ref: null,
      dailyPostLimit: { TIKTOK: 15, INSTAGRAM: 25, YOUTUBE: 10 },
      dailyCommentLimit: null,
      monthlyImportLimitPerAccount: null,
      commentImportLimitPerPost: null,
      monthlyReviewImportLimitPerAccount: null,
      apiAccess: true,
      analyticsDisabled: false,
      analyticsPostsDisabled: false,
      uploadsCompressionEnabled: true,
      analyticsInterval: null,
      analyticsPostsInterval: null,
      showVerboseErrors: false,
      disconnectCheckEnabled: true,
      deleteAccountAfter: 72,
      createdAt: CREATED,
      updatedAt: UPDATED,
      deletedAt: null,
      suspended: false,
    },
    createdBy: {
      id: org.ownerId,
      externalId: `user_${org.ownerId.slice(4)}`,
      email: org.ownerEmail,
      emailVerified: CREATED,
      firstName: null,
      lastName: null,
      avatarUrl: null,
      timezone: 'Europe/Berlin',
      role: 'CUSTOMER',
      createdAt: CREATED,
      updatedAt: UPDATED,
      deletedAt: null,
    },
    bots: [],
    socialAccounts: spec.tiktok
      ? [
          {
            id: `sa_${spec.id.slice(0, 8)}`,
            type: 'TIKTOK',
            teamId: spec.id,
            username: spec.tiktok,
            displayName: spec.name,
            bio: null,
            avatarUrl: null,
            externalId: null,
            userUsername: null,
            userDisplayName: null,
            userId: null,
            channels: [],
            mastodonServerId: null,
            instagramConnectionMethod: null,
            twitterSubType: null,
            isTiktokBusinessAccount: true,
            disconnectedCheckTryAt: null,
            deleteOn: null,
            createdAt: CREATED,
            updatedAt: UPDATED,
            deletedAt: null,
          },
        ]
      : [],
    bio: null,
  };
}
