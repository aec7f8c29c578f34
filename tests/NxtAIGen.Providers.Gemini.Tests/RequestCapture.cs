using System.Net;
using System.Text;
using RichardSzalay.MockHttp;

namespace NxtAIGen.Providers.Gemini.Tests;

/// <summary>A MockHttp expectation for one Gemini request that keeps the JSON body it received.</summary>
internal sealed class RequestCapture
{
    public string? Body { get; private set; }

    public HttpRequestMessage? Request { get; private set; }

    public static (MockHttpMessageHandler Mock, RequestCapture Capture) Expect(string url = TestProviders.StreamUrl, string? apiKey = TestProviders.ApiKey)
    {
        var mock = new MockHttpMessageHandler();
        var capture = new RequestCapture();
        var expectation = mock.Expect(HttpMethod.Post, url);
        if (apiKey is not null)
        {
            expectation.WithHeaders("x-goog-api-key", apiKey);
        }

        expectation.With(request => request.Content?.Headers.ContentType?.MediaType == "application/json");
        expectation.Respond(async request =>
        {
            capture.Request = request;
            capture.Body = await request.Content!.ReadAsStringAsync();
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(SseBodies.Ok, Encoding.UTF8, "text/event-stream"),
            };
        });
        return (mock, capture);
    }
}
