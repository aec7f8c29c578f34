var builder = WebApplication.CreateBuilder(args);

builder.Services.AddNxtAIGen()   // binds the "NxtAIGen" configuration section
    .AddDemo()                   // the offline demo provider: no key, no network
    .AddOpenAI();                // OpenAI and its compatible presets, once a key is configured

var app = builder.Build();
app.UseRateLimiter();            // NxtAIGen's per-caller request and stream limits
app.MapNxtAIGen("/api");         // POST /api/chat/stream, GET /api/providers, ...
app.Run();
