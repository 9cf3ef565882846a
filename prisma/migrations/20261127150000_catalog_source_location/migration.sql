-- Where a source's files live (repository and file URLs), for View source and Edit links.
ALTER TABLE "CatalogSource" ADD COLUMN "location" JSONB;
