"use client";

import Link from "next/link";
import type { RouterOutputs } from "@stagedoor/api/client";
import { displayRef, entityHref } from "@/lib/entity-ref";
import { DataTable, type Column } from "./data-table";

type Report = RouterOutputs["insights"]["report"];
type Usage = Report["plugins"][number];
type Page = Report["pages"][number];
type Team = Report["teams"][number];
type Query = Report["searches"]["top"][number];
type Person = Report["people"][number];
type Never = Report["neverViewed"]["entities"][number];
type Day = Report["daily"][number];

const views: Column<Usage>[] = [
  { header: "Views", value: (r) => r.views, numeric: true },
  { header: "User-days", value: (r) => r.userDays, numeric: true },
  { header: "Previous period", value: (r) => r.previousViews, numeric: true },
];
const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);
const queryColumns: Column<Query>[] = [
  { header: "Query", value: (r) => r.query },
  { header: "Searches", value: (r) => r.searches, numeric: true },
  { header: "No result", value: (r) => r.zeroResults, numeric: true },
  { header: "Clicked", value: (r) => r.clicks, numeric: true },
  { header: "Click-through %", value: (r) => share(r.clicks, r.searches), numeric: true },
];
const USER_DAYS = "User-days: each member counts once per day they used it.";

/** Every table of the report, each with its CSV. */
export function ReportTables({ slug, report }: { slug: string; report: Report }) {
  const entityLink = (ref: string) => (
    <Link href={entityHref(slug, ref)} className="text-indigo-700 hover:underline">
      {displayRef(ref, { withKind: true })}
    </Link>
  );
  const file = (name: string) => `insights-${name}-${report.range.from}-to-${report.range.to}`;
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <DataTable<Team>
        title="Adoption by team"
        description="Members of each catalog Group (matched to portal members by profile email) active in the period."
        rows={report.teams}
        columns={[
          { header: "Team", value: (r) => r.group, render: (r) => entityLink(r.group) },
          { header: "Members", value: (r) => r.members, numeric: true },
          { header: "Active", value: (r) => r.active, numeric: true },
          { header: "Adoption %", value: (r) => share(r.active, r.members), numeric: true },
        ]}
        fileName={file("teams")}
        empty="No catalog Groups with members yet."
        testId="insights-teams"
      />
      <DataTable<Usage>
        title="Adoption by plugin"
        description={USER_DAYS}
        rows={report.plugins}
        columns={[{ header: "Plugin", value: (r) => r.key }, ...views]}
        fileName={file("plugins")}
        empty="No page views in this period."
        testId="insights-plugins"
      />
      <DataTable<Page>
        title="Pages"
        description={USER_DAYS}
        rows={report.pages}
        columns={[
          { header: "Plugin", value: (r) => r.plugin },
          { header: "Page", value: (r) => r.page },
          ...(views as Column<Page>[]),
        ]}
        fileName={file("pages")}
        empty="No page views in this period."
        testId="insights-pages"
      />
      <DataTable<Usage>
        title="Top entities"
        rows={report.entities}
        columns={[{ header: "Entity", value: (r) => r.key, render: (r) => entityLink(r.key) }, ...views]}
        fileName={file("entities")}
        empty="No entity pages were opened in this period."
        testId="insights-entities"
      />
      <DataTable<Query>
        title="Top searches"
        rows={report.searches.top}
        columns={queryColumns}
        fileName={file("searches")}
        empty="No searches in this period."
        testId="insights-searches"
      />
      <DataTable<Query>
        title="Searches with no result"
        description="What people look for and do not find."
        rows={report.searches.zeroResults}
        columns={queryColumns.slice(0, 3)}
        fileName={file("zero-result-searches")}
        empty="Every search found something."
        testId="insights-zero-results"
      />
      <DataTable<Never>
        title={`Never viewed (${report.neverViewed.total})`}
        description="Components, APIs, systems, resources and domains nobody opened in the events kept."
        rows={report.neverViewed.entities}
        columns={[
          { header: "Entity", value: (r) => r.ref, render: (r) => entityLink(r.ref) },
          { header: "Owner", value: (r) => r.owner, render: (r) => (r.owner ? entityLink(r.owner) : "—") },
        ]}
        fileName={file("never-viewed")}
        empty="Every entity has been viewed."
        testId="insights-never-viewed"
      />
      <DataTable<Person>
        title="Most active members"
        description={report.pseudonymized ? "Pseudonymized: this organization's setting." : undefined}
        rows={report.people}
        columns={[
          { header: "Member", value: (r) => r.label },
          { header: "Active days", value: (r) => r.days, numeric: true },
          { header: "Events", value: (r) => r.events, numeric: true },
        ]}
        fileName={file("members")}
        empty="Nobody was active in this period."
        testId="insights-people"
      />
      <DataTable<Usage>
        title="API and CLI use"
        description="Requests with API tokens, by client and route."
        rows={report.api}
        columns={[{ header: "Client and route", value: (r) => r.key }, ...views.slice(0, 1)]}
        fileName={file("api")}
        empty="No API token was used in this period."
        testId="insights-api"
      />
      <DataTable<{ milestone: string; count: number }>
        title="Milestones"
        rows={report.milestones}
        columns={[
          { header: "Milestone", value: (r) => r.milestone },
          { header: "Count", value: (r) => r.count, numeric: true },
        ]}
        fileName={file("milestones")}
        empty="No onboarding or integration milestones in this period."
        testId="insights-milestones"
      />
      <DataTable<Day>
        title="Daily"
        rows={report.daily}
        columns={[
          { header: "Day", value: (r) => r.day },
          { header: "Active", value: (r) => r.active, numeric: true },
          { header: "New", value: (r) => r.new, numeric: true },
          { header: "Returning", value: (r) => r.returning, numeric: true },
          { header: "Page views", value: (r) => r.views, numeric: true },
          { header: "Searches", value: (r) => r.searches, numeric: true },
        ]}
        fileName={file("daily")}
        empty="No days in this period."
        testId="insights-daily"
      />
    </div>
  );
}
