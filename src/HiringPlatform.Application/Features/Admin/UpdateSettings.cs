using System.Globalization;
using FluentValidation;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Common.Settings;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Admin;

// Installation-wide settings, held in the settings table so every app instance sees the same values.
public static class UpdateSettings
{
    public const int MaxRetentionMonths = 120;
    public const int MaxApplyRateLimit = 1000;

    [Authorize(Roles = Roles.Admin)]
    public sealed record Query : IQuery<Command>;

    [Authorize(Roles = Roles.Admin)]
    public sealed record Command : ICommand<Unit>
    {
        public bool RequireTwoFactor { get; init; }
        public int RetentionMonths { get; init; } = SettingDefaults.RetentionMonths;
        public int ApplyRateLimitPerHour { get; init; } = SettingDefaults.ApplyRateLimitPerHour;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.RetentionMonths).InclusiveBetween(1, MaxRetentionMonths)
                .WithMessage($"Keep candidate data between 1 and {MaxRetentionMonths} months.");
            RuleFor(c => c.ApplyRateLimitPerHour).InclusiveBetween(1, MaxApplyRateLimit)
                .WithMessage($"Allow between 1 and {MaxApplyRateLimit} applications per hour from one address.");
        }
    }

    public sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            var current = await SettingsCache.ReadAsync(db, ct);
            return new Command
            {
                RequireTwoFactor = current.RequireTwoFactor,
                RetentionMonths = current.RetentionMonths,
                ApplyRateLimitPerHour = current.ApplyRateLimitPerHour,
            };
        }
    }

    public sealed class Handler(AppDbContext db, SettingsCache cache) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var rows = await db.Settings.ToDictionaryAsync(s => s.Key, ct);
            void Set(string key, string value)
            {
                if (rows.TryGetValue(key, out var row)) row.Value = value;
                else db.Settings.Add(new AppSetting(key, value));
            }
            Set(SettingKeys.RequireTwoFactor, command.RequireTwoFactor ? "true" : "false");
            Set(SettingKeys.RetentionMonths, command.RetentionMonths.ToString(CultureInfo.InvariantCulture));
            Set(SettingKeys.ApplyRateLimitPerHour, command.ApplyRateLimitPerHour.ToString(CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(ct);
            cache.Invalidate();
            return Unit.Value;
        }
    }
}
