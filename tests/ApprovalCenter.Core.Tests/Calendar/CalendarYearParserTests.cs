using ApprovalCenter.Calendar;

namespace ApprovalCenter.Tests.Calendar;

public sealed class CalendarYearParserTests
{
    private static string Year(string holidays, string makeUps, string source = """{ "title": "通知", "published": "2026-11-01" }""") =>
        $$"""{ "year": 2027, "source": {{source}}, "holidays": [{{holidays}}], "makeUpWorkingDays": [{{makeUps}}] }""";

    private static IReadOnlyList<CalendarFieldError> Errors(string json)
    {
        Assert.That(CalendarYearParser.TryParse(json, out var year, out var errors), Is.False);
        Assert.That(year, Is.Null);
        return errors;
    }

    [Test]
    public void A_valid_year_parses_with_sorted_blocks()
    {
        var y = CalendarYearParser.Parse(Year(
            """{ "name": "国庆节", "from": "2027-10-01", "to": "2027-10-07" }, { "name": "元旦", "from": "2027-01-01", "to": "2027-01-01" }""",
            """{ "date": "2027-09-26", "for": "国庆节" }"""));
        Assert.That(y.Year, Is.EqualTo(2027));
        Assert.That(y.Holidays.Select(h => h.Name), Is.EqualTo(new[] { "元旦", "国庆节" }));
        Assert.That(y.MakeUpWorkingDays.Single().Date, Is.EqualTo(new DateOnly(2027, 9, 26)));
    }

    [Test]
    public void A_date_outside_the_year_and_its_boundary_months_names_the_field()
    {
        var errors = Errors(Year("""{ "name": "元旦", "from": "2026-11-30", "to": "2027-01-01" }""", ""));
        Assert.That(errors.Single().Field, Is.EqualTo("holidays[0].from"));
        Assert.That(errors.Single().Message, Does.Contain("不在 2027 年内"));
        Assert.That(Errors(Year("", """{ "date": "2028-02-05" }""")).Single().Field, Is.EqualTo("makeUpWorkingDays[0].date"));
    }

    [Test]
    public void A_years_notice_may_set_days_of_the_adjacent_year_across_new_year()
    {
        // The notice for the 2019 New Year: Dec 30 2018 – Jan 1 2019 off, Saturday Dec 29 2018 worked.
        var y = CalendarYearParser.Parse("""
            { "year": 2019, "source": { "title": "国务院办公厅关于2019年部分节假日安排的通知", "published": "2018-12-06" },
              "holidays": [ { "name": "元旦", "from": "2018-12-30", "to": "2019-01-01" } ],
              "makeUpWorkingDays": [ { "date": "2018-12-29", "for": "元旦" } ] }
            """);
        Assert.That(y.Holidays.Single().From, Is.EqualTo(new DateOnly(2018, 12, 30)));
        Assert.That(y.MakeUpWorkingDays.Single().Date, Is.EqualTo(new DateOnly(2018, 12, 29)));
        // And the other way: a notice for 2018 that already sets the days of the coming New Year.
        Assert.That(CalendarYearParser.TryParse("""
            { "year": 2018, "source": { "title": "通知", "published": "2017-11-30" },
              "holidays": [ { "name": "元旦（2019年）", "from": "2018-12-30", "to": "2019-01-01" } ],
              "makeUpWorkingDays": [ { "date": "2018-12-29", "for": "元旦" } ] }
            """, out _, out var errors), Is.True, string.Join("; ", errors));
    }

    [Test]
    public void A_make_up_day_that_is_not_a_weekend_is_rejected()
    {
        var errors = Errors(Year("", """{ "date": "2027-09-27" }"""));   // a Monday
        Assert.That(errors.Single().Field, Is.EqualTo("makeUpWorkingDays[0].date"));
        Assert.That(errors.Single().Message, Does.Contain("周一").And.Contain("不是周末"));
    }

    [Test]
    public void A_holiday_that_is_also_a_make_up_day_is_rejected()
    {
        var errors = Errors(Year("""{ "name": "国庆节", "from": "2027-10-01", "to": "2027-10-07" }""", """{ "date": "2027-10-02" }"""));
        Assert.That(errors.Single().Message, Does.Contain("同时是节假日“国庆节”"));
    }

    [Test]
    public void Overlapping_blocks_reversed_ranges_and_bad_dates_are_all_reported_at_once()
    {
        var errors = Errors(Year(
            """{ "name": "A", "from": "2027-05-01", "to": "2027-05-05" }, { "name": "B", "from": "2027-05-04", "to": "2027-05-06" }, { "name": "C", "from": "2027-06-10", "to": "2027-06-08" }""",
            """{ "date": "2027/10/09" }"""));
        Assert.That(errors.Select(e => e.Field), Is.EquivalentTo(new[] { "holidays[1]", "holidays[2].to", "makeUpWorkingDays[0].date" }));
        Assert.That(errors.Single(e => e.Field == "holidays[1]").Message, Does.Contain("重叠"));
        Assert.That(errors.Single(e => e.Field == "makeUpWorkingDays[0].date").Message, Does.Contain("yyyy-MM-dd"));
    }

    [Test]
    public void Missing_source_and_bad_json_are_explained()
    {
        Assert.That(Errors("""{ "year": 2027, "holidays": [], "makeUpWorkingDays": [] }""").Single().Field, Is.EqualTo("source"));
        Assert.That(Errors("{ not json").Single().Message, Does.Contain("不是有效的 JSON"));
        Assert.That(Errors("""{ "year": 1999, "source": { "title": "t", "published": "1998-11-01" }, "holidays": [], "makeUpWorkingDays": [] }""").Single().Field, Is.EqualTo("year"));
        var ex = Assert.Throws<CalendarFormatException>(() => CalendarYearParser.Parse(Year("", """{ "date": "2027-09-27" }""")))!;
        Assert.That(ex.Errors, Has.Count.EqualTo(1));
        Assert.That(ex.Message, Does.Contain("makeUpWorkingDays[0].date"));
    }

    [Test]
    public void The_shipped_schema_describes_the_fields_the_parser_reads()
    {
        var schema = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "workflows", "schemas", "calendar-year.schema.json"));
        using var doc = System.Text.Json.JsonDocument.Parse(schema);
        var props = doc.RootElement.GetProperty("properties");
        Assert.That(props.TryGetProperty("makeUpWorkingDays", out _) && props.TryGetProperty("holidays", out _) && props.TryGetProperty("source", out _), Is.True);
        Assert.That(doc.RootElement.GetProperty("required").EnumerateArray().Select(e => e.GetString()),
            Is.EquivalentTo(new[] { "year", "source", "holidays", "makeUpWorkingDays" }));
    }
}
