# syntax=docker/dockerfile:1

# ---- build ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Solution-level build settings and central package versions first, then the sources.
COPY .editorconfig Directory.Build.props Directory.Packages.props *.sln* ./
COPY src/ src/
RUN dotnet restore src/HiringPlatform.Web/HiringPlatform.Web.csproj
# The output includes HiringPlatform.ResumeExtractor.dll (+ runtimeconfig/deps), the résumé reader the app starts
# as a limited child process per file (ADR-0014); its OS memory limit uses prlimit from the base image's util-linux.
RUN dotnet publish src/HiringPlatform.Web/HiringPlatform.Web.csproj -c Release -o /app --no-restore

# ---- runtime ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "HiringPlatform.Web.dll"]
