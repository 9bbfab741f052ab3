namespace HiringPlatform.Application.Common.Interfaces;

// Absolute links for emails (invites, password resets, links sent to candidates). Built from the configured
// public address (App:PublicUrl), never from a request's Host header, which whoever sends the request controls.
public interface IAppUrls
{
    // "/account/set-password?user=..." → "https://hiring.example.com/account/set-password?user=..."
    string Absolute(string pathAndQuery);
}
