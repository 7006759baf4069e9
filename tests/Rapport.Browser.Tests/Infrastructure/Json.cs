namespace Rapport.Tests.Infrastructure;

public static class Json
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = Create();

    private static System.Text.Json.JsonSerializerOptions Create()
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        Rapport.Infrastructure.Http.HttpRegistration.Configure(options);
        return options;
    }
}
