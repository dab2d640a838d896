package identity

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/go-landingzone/landingzone/internal/check"
)

// Limits of an IAM SAML provider's metadata document, in characters.
const (
	minSamlMetadataLength = 1000
	maxSamlMetadataLength = 10_000_000
)

// samlMetadataNamespace is the XML namespace of SAML 2.0 metadata.
const samlMetadataNamespace = "urn:oasis:names:tc:SAML:2.0:metadata"

// samlMetadata records a problem unless doc is a well-formed SAML 2.0 metadata document
// of an identity provider: an EntityDescriptor in the metadata namespace that holds an
// IDPSSODescriptor. The document itself is left out of the messages, which name the
// line of a syntax error instead.
func samlMetadata(l *check.List, field, doc string) {
	if n := len(doc); n < minSamlMetadataLength || n > maxSamlMetadataLength {
		l.Addf(field, nil, "%d characters; IAM takes a SAML metadata document of %d to %d", n, minSamlMetadataLength, maxSamlMetadataLength)
		if n == 0 {
			return
		}
	}
	dec := xml.NewDecoder(strings.NewReader(doc))
	var root xml.Name
	idp := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			l.Addf(field, nil, "not well-formed XML: %v", err)
			return
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root.Local == "" {
			root = start.Name
		}
		if start.Name.Space == samlMetadataNamespace && start.Name.Local == "IDPSSODescriptor" {
			idp = true
		}
	}
	switch {
	case root.Local == "":
		l.Addf(field, nil, "not well-formed XML: no root element")
	case root.Local != "EntityDescriptor" || root.Space != samlMetadataNamespace:
		l.Addf(field, nil, "the root element is {%s}%s; SAML metadata has an EntityDescriptor in namespace %s", root.Space, root.Local, samlMetadataNamespace)
	case !idp:
		l.Addf(field, nil, "the EntityDescriptor has no IDPSSODescriptor: this is not an identity provider's metadata")
	}
}
