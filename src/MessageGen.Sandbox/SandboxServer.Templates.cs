using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MessageGen.Sandbox;

/// <summary>The templates side of the sandbox: <c>GET /v1/configs/templates</c>, served from <see cref="SandboxOptions.TemplatesFile"/>.</summary>
public sealed partial class SandboxServer
{
    /// <summary>The page size when the request names none, as on the API.</summary>
    private const int DefaultTemplatesLimit = 1000;

    /// <summary>How many templates the sandbox serves, from <see cref="SandboxOptions.TemplatesFile"/>; 0 without one.</summary>
    public int TemplateCount => _templates.All.Count;

    /// <summary>How many of them are approved: those a template send may name.</summary>
    public int ApprovedTemplateCount => _templates.All.Count(template => template.IsApproved);

    private async Task GetTemplatesAsync(HttpContext context)
    {
        var request = await BeginAsync(context, bodyNamesRecipient: false).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        if (!TryReadPaging(context.Request.Query, "limit", DefaultTemplatesLimit, out var limit, out var problem)
            || !TryReadPaging(context.Request.Query, "offset", 0, out var offset, out problem))
        {
            await request.AnswerAsync(400, SandboxAnswers.InvalidParameter(problem)).ConfigureAwait(false);
            return;
        }

        await request.AnswerAsync(200, SandboxAnswers.TemplatesPage(_templates.All, limit, offset)).ConfigureAwait(false);
    }

    /// <summary>A paging parameter: absent gives <paramref name="fallback"/>; otherwise a whole number from 0.</summary>
    private static bool TryReadPaging(IQueryCollection query, string name, int fallback, out int value, out string problem)
    {
        problem = "";
        value = fallback;
        if (!query.TryGetValue(name, out var given))
        {
            return true;
        }

        if (given.Count == 1 && int.TryParse(given[0], NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        problem = $"'{name}' must be a whole number from 0, not '{SandboxAnswers.Shown(given.ToString())}'.";
        return false;
    }
}
