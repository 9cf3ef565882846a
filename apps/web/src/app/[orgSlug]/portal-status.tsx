import Link from "next/link";
import { Card } from "@/components/ui";

type GitHub = {
  status: string;
  statusMessage: string | null;
  lastSyncAt: Date | null;
  config: { owner: string };
  latestRun: { status: string } | null;
};

const link = "font-semibold text-indigo-600 hover:text-indigo-500";

/**
 * Where the portal stands, from its data (catalog size, the GitHub connection, members),
 * so the home never asks for what is already done.
 */
export function PortalStatus(props: {
  slug: string;
  isAdmin: boolean;
  entityCount: number;
  memberCount: number;
  github: GitHub | null;
}) {
  const { slug, isAdmin, entityCount, memberCount, github } = props;
  const githubBroken = github && (github.status === "error" || github.latestRun?.status === "failed");
  const noun = entityCount === 1 ? "entity" : "entities";
  return (
    <Card title="Your portal" description="What it holds now, and what is left to connect.">
      <ul className="space-y-2 text-sm text-slate-700" data-testid="portal-status">
        <li>
          {entityCount > 0 ? (
            <>
              The catalog holds {entityCount.toLocaleString("en")} {noun}.{" "}
              <Link href={`/${slug}/catalog`} className={link}>
                Browse the catalog →
              </Link>
            </>
          ) : github ? (
            "The catalog is empty until GitHub's first sync finishes."
          ) : isAdmin ? (
            <>
              The catalog is empty.{" "}
              <Link href={`/${slug}/onboarding?step=github`} className={link}>
                Connect GitHub
              </Link>{" "}
              or{" "}
              <Link href={`/${slug}/catalog/register`} className={link}>
                register entities
              </Link>{" "}
              to fill it.
            </>
          ) : (
            "The catalog is empty: an admin connects GitHub or registers entities to fill it."
          )}
        </li>
        {github || entityCount > 0 ? (
          <li>
            {github ? (
              githubBroken ? (
                <span className="text-red-700">
                  GitHub ({github.config.owner}) is not working{github.statusMessage ? `: ${github.statusMessage}` : ""}
                  .{" "}
                  {isAdmin ? (
                    <Link href={`/${slug}/integrations`} className={link}>
                      Fix it →
                    </Link>
                  ) : (
                    "An admin can fix it."
                  )}
                </span>
              ) : github.lastSyncAt ? (
                `GitHub (${github.config.owner}) is connected and synced.`
              ) : (
                `GitHub (${github.config.owner}) is connected; its first sync has not finished yet.`
              )
            ) : entityCount > 0 ? (
              isAdmin ? (
                <>
                  GitHub is not connected: the catalog changes only when entities are registered.{" "}
                  <Link href={`/${slug}/onboarding?step=github`} className={link}>
                    Connect GitHub →
                  </Link>
                </>
              ) : (
                "GitHub is not connected: the catalog changes only when entities are registered."
              )
            ) : null}
          </li>
        ) : null}
        <li>
          {memberCount > 1 ? (
            `${memberCount} members use this portal.`
          ) : isAdmin ? (
            <>
              You are the only member.{" "}
              <Link href={`/${slug}/members`} className={link}>
                Invite your teammates →
              </Link>
            </>
          ) : (
            "You are the only member."
          )}
        </li>
      </ul>
    </Card>
  );
}
