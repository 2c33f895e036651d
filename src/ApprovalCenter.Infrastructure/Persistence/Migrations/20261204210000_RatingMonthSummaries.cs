using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalCenter.Persistence.Migrations
{
    /// <summary>
    /// Monthly summaries of ratings and rating offers, kept exact by triggers in the same transaction as every insert,
    /// update (a change of level, an upheld appeal) and delete, so a month-aligned dashboard (the 12-month trend, a
    /// month's totals and groups) sums a few thousand counter rows instead of grouping millions of ratings (bench
    /// supervision, issue 12). Not in the EF model: only <c>RatingStatistics</c> reads them, with SQL.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261204210000_RatingMonthSummaries")]
    public partial class RatingMonthSummaries : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE rating_month_counts (
                    "Month" text NOT NULL, "Department" text NOT NULL, "ItemCode" text NOT NULL, "ItemName" text NOT NULL,
                    "HandlerId" text NOT NULL, "HandlerName" text NOT NULL, "Counter" text NOT NULL,
                    "Service" integer NOT NULL, "Level" integer NOT NULL, "IsDefault" boolean NOT NULL, "Excluded" boolean NOT NULL,
                    "N" bigint NOT NULL,
                    PRIMARY KEY ("Month", "Department", "ItemCode", "HandlerId", "Counter", "Service", "Level", "IsDefault", "Excluded"));
                CREATE TABLE rating_offer_month_counts (
                    "Month" text NOT NULL, "Department" text NOT NULL, "ItemCode" text NOT NULL, "ItemName" text NOT NULL,
                    "HandlerId" text NOT NULL, "HandlerName" text NOT NULL, "Counter" text NOT NULL, "N" bigint NOT NULL,
                    PRIMARY KEY ("Month", "Department", "ItemCode", "HandlerId", "Counter"));

                CREATE FUNCTION rating_month_count_apply() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    UPDATE rating_month_counts SET "N" = "N" - 1
                     WHERE "Month" = to_char(OLD."RatedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AND "Department" = OLD."Department"
                       AND "ItemCode" = OLD."ItemCode" AND "HandlerId" = coalesce(OLD."HandlerId", '') AND "Counter" = coalesce(OLD."Counter", '')
                       AND "Service" = OLD."Service" AND "Level" = OLD."Level" AND "IsDefault" = OLD."IsDefault" AND "Excluded" = OLD."Excluded";
                  END IF;
                  IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    INSERT INTO rating_month_counts VALUES (to_char(NEW."RatedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), NEW."Department",
                      NEW."ItemCode", NEW."ItemName", coalesce(NEW."HandlerId", ''), coalesce(NEW."HandlerName", '（无）'), coalesce(NEW."Counter", ''),
                      NEW."Service", NEW."Level", NEW."IsDefault", NEW."Excluded", 1)
                    ON CONFLICT ("Month", "Department", "ItemCode", "HandlerId", "Counter", "Service", "Level", "IsDefault", "Excluded")
                    DO UPDATE SET "N" = rating_month_counts."N" + 1;
                  END IF;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER ratings_month_counts AFTER INSERT OR DELETE OR UPDATE OF "RatedAt", "Department", "ItemCode", "HandlerId", "Counter", "Service", "Level", "IsDefault", "Excluded"
                  ON ratings FOR EACH ROW EXECUTE FUNCTION rating_month_count_apply();

                CREATE FUNCTION rating_offer_month_count_apply() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    UPDATE rating_offer_month_counts SET "N" = "N" - 1
                     WHERE "Month" = to_char(OLD."DeliveredAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AND "Department" = OLD."Department"
                       AND "ItemCode" = OLD."ItemCode" AND "HandlerId" = coalesce(OLD."HandlerId", '') AND "Counter" = coalesce(OLD."Counter", '');
                  END IF;
                  IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    INSERT INTO rating_offer_month_counts VALUES (to_char(NEW."DeliveredAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), NEW."Department",
                      NEW."ItemCode", NEW."ItemName", coalesce(NEW."HandlerId", ''), coalesce(NEW."HandlerName", '（无）'), coalesce(NEW."Counter", ''), 1)
                    ON CONFLICT ("Month", "Department", "ItemCode", "HandlerId", "Counter") DO UPDATE SET "N" = rating_offer_month_counts."N" + 1;
                  END IF;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER rating_offers_month_counts AFTER INSERT OR DELETE OR UPDATE OF "DeliveredAt", "Department", "ItemCode", "HandlerId", "Counter"
                  ON rating_offers FOR EACH ROW EXECUTE FUNCTION rating_offer_month_count_apply();

                INSERT INTO rating_month_counts
                SELECT to_char("RatedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), "Department", "ItemCode", max("ItemName"), coalesce("HandlerId", ''),
                       max(coalesce("HandlerName", '（无）')), coalesce("Counter", ''), "Service", "Level", "IsDefault", "Excluded", count(*)
                FROM ratings GROUP BY 1, 2, 3, 5, 7, 8, 9, 10, 11;
                INSERT INTO rating_offer_month_counts
                SELECT to_char("DeliveredAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), "Department", "ItemCode", max("ItemName"), coalesce("HandlerId", ''),
                       max(coalesce("HandlerName", '（无）')), coalesce("Counter", ''), count(*)
                FROM rating_offers GROUP BY 1, 2, 3, 5, 7;

                -- The deadline board's "overdue first": running cases of one state by promised date (DeadlineBoard.RowsAsync).
                CREATE INDEX "IX_cases_board_state_promised" ON cases ("ClockState", "PromisedDeadline", "Number") WHERE "Status" = 1;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_cases_board_state_promised";
                DROP TRIGGER IF EXISTS ratings_month_counts ON ratings;
                DROP TRIGGER IF EXISTS rating_offers_month_counts ON rating_offers;
                DROP FUNCTION IF EXISTS rating_month_count_apply();
                DROP FUNCTION IF EXISTS rating_offer_month_count_apply();
                DROP TABLE IF EXISTS rating_month_counts;
                DROP TABLE IF EXISTS rating_offer_month_counts;
                """);
        }
    }
}
