from ninja.security import SessionAuth

# CSRF is already enforced for every unsafe /api/ call by ApiCsrfMiddleware.
session_auth = SessionAuth(csrf=False)
