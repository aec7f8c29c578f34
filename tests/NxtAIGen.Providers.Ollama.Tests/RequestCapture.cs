using System.Net;
using System.Text;
using RichardSzalay.MockHttp;

namespace NxtAIGen.Providers.Ollama.Tests;

/// <summary>A MockHttp expectation for one chat request that keeps the JSON body it received.</summary>
internal sealed class RequestCapture
{
    public string? Body { get; private set; }

    public HttpRequestMessage? Request { get; private set; }

    public static (MockHttpMessageHandler Mock, RequestCapture Capture) Expect(string url = TestProviders.ChatUrl, string? bearer = null)
    {
        var mock = new MockHttpMessageHandler();
        var capture = new RequestCapture();
        var expectation = mock.Expect(HttpMethod.Post, url);
        if (bearer is not null)
        {
            expectation.WithHeaders("Authorization", "Bearer " + bearer);
        }

        expectation.With(request => request.Content?.Headers.ContentType?.MediaType == "application/json");
        expectation.Respond(async request =>
        {
            capture.Request = request;
            capture.Body = await request.Content!.ReadAsStringAsync();
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(NdjsonBodies.Ok, Encoding.UTF8, TestProviders.NdjsonMediaType),
            };
        });
        return (mock, capture);
    }
}
