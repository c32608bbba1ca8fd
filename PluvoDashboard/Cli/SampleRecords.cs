using System.Globalization;
using System.Text;

namespace PluvoDashboard.Cli;

/// <summary>
/// Invents believable learners, trainings and the rest for a Dutch organisation, drawing every choice from
/// the given <see cref="Random"/> so a seed always gives the same records.
/// </summary>
public static class SampleRecords
{
    private const string FileHost = "https://files.pluvo.example.com";

    private static readonly string[] FirstNames =
    [
        "Jan", "Zoë", "Sanne", "Daan", "Noor", "Fenna", "Thijs", "Anouk", "Mohammed", "Fatima", "Ömer",
        "Chloé", "Renée", "Björn", "Łukasz", "Sofía", "Bram", "Lotte", "Siham", "Joël", "Inge", "Kees",
    ];

    private static readonly string[] LastNames =
    [
        "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        "Yılmaz", "Ñúñez", "Kowalczyk", "El Amrani", "van Dijk", "Öztürk", "Müller", "Janssens",
        "Peeters", "van 't Hof", "Brouwer", "Hendriks", "Ngô",
    ];

    private static readonly string[] Departments =
        ["Zorg", "Techniek", "HR", "Logistiek", "Marketing", "Facilitair"];

    private static readonly string[] Locations = ["Utrecht", "Zwolle", "Eindhoven", "Antwerpen", "Groningen"];

    private static readonly (string Title, string Subtitle, string Introduction)[] TrainingTitles =
    [
        ("Brandveiligheid", "Basiskennis voor iedere medewerker",
            "Je leert brand voorkomen, herkennen en veilig ontruimen."),
        ("BHV Herhaling", "Jaarlijkse opfrisser bedrijfshulpverlening",
            "Oefen reanimatie, AED-gebruik en ontruiming met je collega's."),
        ("EHBO Basis", "Eerste hulp bij ongelukken", "Van wondverzorging tot stabiele zijligging."),
        ("Privacy en AVG", "Zorgvuldig omgaan met persoonsgegevens",
            "Wat mag wel en niet met klantgegevens?"),
        ("Veilig werken op hoogte", "Ladders, steigers en hoogwerkers", "Valgevaar herkennen en beperken."),
        ("Klantgericht communiceren", "Gesprekken die werken", "Luisteren, doorvragen en helder afspreken."),
        ("Medicatieveiligheid", "Voor verpleegkundigen en verzorgenden",
            "Dubbele controle en het melden van fouten."),
        ("Onboarding nieuwe medewerkers", "Welkom bij de organisatie",
            "Alles wat je in je eerste maand nodig hebt."),
        ("Heftruck certificering", "Theorie en praktijk", "Op weg naar je heftruckcertificaat."),
        ("Informatiebeveiliging", "Phishing, wachtwoorden en datalekken", "Herken de trucs van oplichters."),
    ];

    private static readonly string[] ModuleGroupTitles =
        ["Introductie", "Theorie", "Praktijkopdracht", "Eindtoets", "Praktijkexamen"];

    private static readonly (string Title, string Url)[] LtiTools =
    [
        ("GoodHabitz", "https://lti.goodhabitz.example.com/launch"),
        ("Studytube", "https://lti.studytube.example.com/launch"),
    ];

    private static readonly (string Kind, decimal Price, int? MaxSubscriptions)[] OfferKinds =
    [
        ("CLASSROOM", 149.50m, 12), ("CLASSROOM", 0m, 16), ("WEBINAR", 0m, null), ("WORKSHOP", 295m, 10),
    ];

    private static readonly (string Title, string Description)[] PortfolioTopics =
    [
        ("Congres Zorg & Innovatie", "Twee dagen lezingen over technologie in de ouderenzorg."),
        ("Cursus Excel gevorderd", "Draaitabellen en formules, afgerond met een praktijkopdracht."),
        ("Meeloopdag spoedeisende hulp", "Een dag meegelopen met de triageverpleegkundige."),
        ("Webinar nieuwe AVG-richtlijnen", "Samenvatting van de wijzigingen voor ons team."),
        ("Vakbeurs Logistiek", "Nieuwe ideeën voor de inrichting van het magazijn."),
    ];

    private static readonly string[] UploadNames =
        ["reflectieverslag.pdf", "foto-oefening.jpg", "plan-van-aanpak.docx", "logboek-week-2.xlsx"];

    /// <summary>A random version 4 UUID, in the lower-case form Pluvo uses for ids.</summary>
    public static string NextUuid(this Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    /// <param name="number">The learner's staff number; it makes the ref and e-mail address unique.</param>
    public static Learner Learner(Random random, int number)
    {
        var first = Pick(random, FirstNames);
        var last = Pick(random, LastNames);
        var mailbox = $"{Ascii(first)}.{Ascii(last).Replace(" ", "", StringComparison.Ordinal)}{number}";
        var hasAfas = random.Next(3) > 0;
        return new Learner(
            random.NextUuid(),
            $"MDW-{number:D5}",
            $"{first} {last}",
            $"{mailbox}@example.com",
            IsActive: true,
            hasAfas ? random.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture) : null,
            hasAfas ? $"{random.Next(1, 9_999):D5}" : null,
            new Dictionary<string, string>
            {
                ["Afdeling"] = Pick(random, Departments),
                ["Locatie"] = Pick(random, Locations),
            });
    }

    /// <param name="startsOn">The first day of the training.</param>
    public static Training Training(Random random, int number, DateOnly startsOn)
    {
        var (title, subtitle, introduction) = TrainingTitles[number % TrainingTitles.Length];
        var edition = number / TrainingTitles.Length;
        return new Training(
            random.NextUuid(),
            $"TR-{startsOn.Year}-{number + 1:D3}",
            edition == 0 ? title : $"{title} ({edition + 1})",
            subtitle,
            introduction,
            startsOn,
            random.Next(4) == 0 ? null : startsOn.AddDays(random.Next(14, 120)),
            IsActive: true,
            ShowParticipants: random.Next(2) == 0,
            ShowSharedFiles: random.Next(3) > 0,
            EnableChat: random.Next(2) == 0,
            new Dictionary<string, string> { ["Kostenplaats"] = $"KP-{random.Next(100, 999)}" });
    }

    public static LearnerGroup Group(Random random, int number)
    {
        var name = $"Team {Pick(random, Departments)} {Pick(random, Locations)}";
        return new LearnerGroup(random.NextUuid(), $"GRP-{number:D3}", name, EnableChat: random.Next(2) == 0);
    }

    public static ModuleGroup ModuleGroup(Random random, Training training, int step, DateTimeOffset unlocksAt)
    {
        var title = ModuleGroupTitles[step % ModuleGroupTitles.Length];
        return new ModuleGroup(random.NextUuid(), $"{training.Ref}-M{step + 1}", title, training, unlocksAt);
    }

    public static Course Course(Random random, Training training, int step)
    {
        LtiTool? lti = null;
        if (random.Next(3) == 0)
        {
            var (tool, url) = Pick(random, LtiTools);
            lti = new LtiTool(random.NextUuid(), tool, url);
        }

        var title = step == 0 ? $"E-learning {training.Title}" : $"Kennistoets {training.Title} {step}";
        return new Course(random.NextUuid(), $"{training.Ref}-C{step + 1}", title, training, lti);
    }

    public static Assignment Assignment(Random random, ModuleGroup moduleGroup) =>
        new(random.NextUuid(), moduleGroup, random.Next(4) == 0 ? "group" : "participant",
            random.Next(2) == 0 ? "numeral" : "percentage", random.Next(0, 4) * 25);

    public static OfferEvent OfferEvent(Random random, Training training, int number)
    {
        var (kind, price, max) = Pick(random, OfferKinds);
        var day = training.StartDate ?? new DateOnly(2027, 1, 11);
        var where = kind == "WEBINAR" ? "online" : Pick(random, Locations);
        var date = day.ToString("d MMMM", CultureInfo.GetCultureInfo("nl-NL"));
        var title = $"{training.Title} – {where}, {date}";
        return new OfferEvent(random.NextUuid(), $"OE-{number:D4}", title, training, price, max,
            Cancelled: random.Next(12) == 0, kind);
    }

    public static PortfolioItem PortfolioItem(Random random, Learner learner, DateTimeOffset now)
    {
        var (title, description) = Pick(random, PortfolioTopics);
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var start = today.AddDays(-random.Next(7, 200)).AddHours(9);
        var end = start.AddHours(random.Next(2, 30));
        var id = random.NextUuid();
        return new PortfolioItem(id, $"PF-{id[..8]}", learner, title, description, start, end,
            [$"{FileHost}/portfolio/{id}/bewijs.pdf"]);
    }

    public static string UploadedFile(Random random) =>
        $"{FileHost}/uploads/{random.NextUuid()}/{Pick(random, UploadNames)}";

    public static string Certificate(Random random) => $"{FileHost}/certificates/{random.NextUuid()}.pdf";

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>The name as an e-mail address would spell it: lower case, without diacritics.</summary>
    private static string Ascii(string name)
    {
        // These letters have no decomposition to strip, so they are spelled out first.
        var decomposed = name.Replace('ł', 'l').Replace('Ł', 'L').Replace('ı', 'i')
            .Replace("'", "", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string([.. kept]).ToLowerInvariant();
    }
}
