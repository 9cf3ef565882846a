import { Card } from "@/components/ui";
import { CatalogHealth } from "./catalog-health";
import { EntityLinks } from "./entity-links";
import { MyComponents } from "./my-components";
import type { HomeData } from "./types";

/** The member's sections of the org home: their components, stars, recent visits, health. */
export function PersonalHome({ slug, home }: { slug: string; home: HomeData }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <MyComponents slug={slug} home={home} />
        <CatalogHealth slug={slug} home={home} />
      </div>
      <div className="space-y-6">
        <Card title="Starred">
          <EntityLinks
            slug={slug}
            items={home.starred}
            label="Starred entities"
            empty="Star entities from the catalog or their pages to keep them here."
          />
        </Card>
        <Card title="Recently viewed">
          <EntityLinks
            slug={slug}
            items={home.recent}
            label="Recently viewed"
            empty="Entities you open show up here."
          />
        </Card>
      </div>
    </div>
  );
}
