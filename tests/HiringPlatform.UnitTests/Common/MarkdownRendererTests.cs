using HiringPlatform.Application.Common.Markdown;

namespace HiringPlatform.UnitTests.Common;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Should_render_markdown()
    {
        var html = MarkdownRenderer.ToSafeHtml("Hello **world**\n\n- one\n- two\n\n[docs](https://example.com/docs)");

        Assert.Contains("<strong>world</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>one</li>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.com/docs\" rel=\"nofollow noopener noreferrer\">docs</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert('x')</script>Text")]
    [InlineData("<SCRIPT src=https://evil.example/x.js></SCRIPT>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">click</a>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<div onclick=\"alert(1)\" style=\"position:fixed\">x</div>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<form action=https://evil.example><input name=password></form>")]
    public void Should_let_no_script_handler_style_or_form_survive(string markdown)
    {
        var html = MarkdownRenderer.ToSafeHtml(markdown).ToLowerInvariant();

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<input", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_harmless_inline_html()
    {
        Assert.Contains("<em>kept</em>", MarkdownRenderer.ToSafeHtml("<em>kept</em>"), StringComparison.Ordinal);
        Assert.Equal("", MarkdownRenderer.ToSafeHtml(null));
        Assert.Equal("Hello world", MarkdownRenderer.ToPlainText("Hello **world**"));
    }
}
