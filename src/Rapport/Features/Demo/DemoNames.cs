using Bogus;

namespace Rapport.Features.Demo;

/// <summary>
/// British and Welsh names, towns, streets and businesses. Bogus's en_GB locale has British
/// postcodes and counties but American-sounding names and places, so those come from here;
/// names in other languages come from Bogus's own locales.
/// </summary>
internal static class DemoNames
{
    public static readonly string[] FirstNames =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Grace", "Freya", "Lily", "Emily", "Sophie", "Chloe", "Jessica", "Hannah", "Ellie",
        "Lucy", "Charlotte", "Ruby", "Zara", "Aisha", "Priya", "Fatima", "Megan", "Rachel", "Sarah", "Helen", "Claire", "Joanne",
        "Susan", "Margaret", "Patricia", "Oliver", "George", "Harry", "Jack", "Noah", "Charlie", "Thomas", "James", "William",
        "Oscar", "Alfie", "Jacob", "Samuel", "Daniel", "Joseph", "Ryan", "Liam", "Mohammed", "Arjun", "Yusuf", "Kwame", "David",
        "Paul", "Mark", "Andrew", "Stephen", "Ian", "Gary", "Peter", "Michael", "Callum", "Euan", "Ciaran", "Niamh", "Aoife", "Eilidh",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson",
        "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Khan", "Hughes", "Edwards", "Turner",
        "Hill", "Moore", "Cooper", "Ward", "Morris", "King", "Watson", "Harrison", "Morgan", "Baker", "Young", "Allen", "Mitchell",
        "Anderson", "Lewis", "Bell", "Kelly", "Ahmed", "Begum", "Singh", "Campbell", "Stewart", "Murray", "MacDonald", "O'Brien",
        "Walsh", "Okafor", "Mensah", "Chen", "Nguyen", "Shaw", "Fletcher", "Barker", "Holmes", "Marshall", "Lloyd", "Price",
    ];

    public static readonly string[] WelshFirstNames =
        ["Rhys", "Cerys", "Gethin", "Sioned", "Dafydd", "Angharad", "Iwan", "Eleri", "Gareth", "Nia", "Owain", "Ffion", "Aled", "Mererid", "Tomos", "Lowri"];

    public static readonly string[] WelshLastNames =
        ["Jones", "Davies", "Evans", "Griffiths", "Hughes", "Llewelyn", "Pritchard", "Rees", "Morgan", "Parry", "Vaughan", "Roberts", "Owen", "Lloyd"];

    public static readonly string[] Towns =
    [
        "Cardiff", "Swansea", "Newport", "Wrexham", "Aberystwyth", "Bangor", "Bristol", "Bath", "Leeds", "Sheffield", "York",
        "Manchester", "Liverpool", "Chester", "Birmingham", "Coventry", "Leicester", "Nottingham", "Norwich", "Cambridge",
        "Oxford", "Reading", "Brighton", "Southampton", "Plymouth", "Exeter", "Newcastle", "Durham", "Carlisle", "Glasgow",
        "Edinburgh", "Dundee", "Aberdeen", "Inverness", "Belfast", "Derry", "Lincoln", "Hull", "Stoke", "Gloucester",
    ];

    private static readonly string[] StreetStems =
        ["Church", "Station", "Victoria", "Mill", "Park", "Queen's", "King's", "High", "Chapel", "Castle", "Orchard", "Meadow", "Windsor", "Albert", "Springfield", "Heol y Frenhines"];

    private static readonly string[] StreetTypes = ["Road", "Street", "Lane", "Avenue", "Close", "Crescent", "Way", "Gardens", "Terrace", "Drive"];

    private static readonly string[] Trades =
    [
        "Builders", "Dental Practice", "Housing Association", "Veterinary Surgery", "Accountants", "Engineering", "Logistics",
        "Garden Centre", "Bakery", "Solicitors", "Lettings", "Medical Centre", "Hotel", "Motors", "Print Works", "Care Homes",
    ];

    public static string Street(Randomizer random)
    {
        var stem = random.ArrayElement(StreetStems);
        var number = random.Number(1, 240);
        return stem.StartsWith("Heol", StringComparison.Ordinal) ? $"{number} {stem}" : $"{number} {stem} {random.ArrayElement(StreetTypes)}";
    }

    public static string Business(Randomizer random) => random.Number(0, 3) switch
    {
        0 => $"{random.ArrayElement(LastNames)} & {random.ArrayElement(LastNames)}",
        1 => $"{random.ArrayElement(LastNames)} {random.ArrayElement(Trades)}",
        2 => $"{random.ArrayElement(Towns)} {random.ArrayElement(Trades)}",
        _ => $"{random.ArrayElement(LastNames)} {random.ArrayElement(Trades)} Ltd",
    };
}
