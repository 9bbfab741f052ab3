namespace HiringPlatform.Application.Common.Security;

// The resource check of one request type ("is this posting/candidate/interview one of yours?"), run by
// AuthorizationBehaviour after the role check and BEFORE validation (ADR-0009): a request for someone else's
// resource is answered "not found" before any validator can say something about that resource ("a candidate
// with this email already exists", "that stage is not part of this posting's plan"). Implementations ask
// PostingAccess, throw NotFoundException to refuse, and skip ids the validator will reject as missing anyway.
// A use case declares one as a nested `Authorizer` class beside its Validator; registered by assembly scan.
public interface IResourceAuthorizer<in TRequest> where TRequest : notnull
{
    ValueTask AuthorizeAsync(TRequest request, CancellationToken ct);
}
